package io.cmlfleet.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerStatusTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "pending, 0, PENDING",
            "running, 16, RUNNING",
            "shutting-down, 32, SHUTTING_DOWN",
            "terminated, 48, TERMINATED",
            "stopping, 64, STOPPING",
            "stopped, 80, STOPPED"})
    void everyEc2StateMapsByNameAndByCode(String name, int code, WorkerStatus expected) {
        assertThat(WorkerStatus.fromEc2StateName(name)).isEqualTo(expected);
        assertThat(WorkerStatus.fromEc2StateCode(code)).isEqualTo(expected);
        assertThat(WorkerStatus.fromEc2State(name, code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"RUNNING, RUNNING", " Stopped , STOPPED"})
    void namesAreReadWithoutRegardToCaseOrSpaces(String name, WorkerStatus expected) {
        assertThat(WorkerStatus.fromEc2StateName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {272, 336, 65296})
    void onlyTheLowByteOfTheCodeCarriesTheState(int code) {
        assertThat(WorkerStatus.fromEc2StateCode(code)).isEqualTo(WorkerStatus.fromEc2StateCode(code & 0xFF))
                .isNotEqualTo(WorkerStatus.UNKNOWN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hibernating", "rebooting"})
    void unknownNamesMapToUnknown(String name) {
        assertThat(WorkerStatus.fromEc2StateName(name)).isEqualTo(WorkerStatus.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 99, 255})
    void unknownCodesFallBackToTheName(int code) {
        assertThat(WorkerStatus.fromEc2StateCode(code)).isEqualTo(WorkerStatus.UNKNOWN);
        assertThat(WorkerStatus.fromEc2State("stopped", code)).isEqualTo(WorkerStatus.STOPPED);
    }
}
