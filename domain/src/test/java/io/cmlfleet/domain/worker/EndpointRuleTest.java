package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The endpoint rule on hand-made states; each case is read on the state after the observation's own events. */
class EndpointRuleTest {

    private static final String AUTO_ENDPOINT = "https://" + PUBLIC_IP;
    private static final String MANUAL_ENDPOINT = "https://cml.lab.example.com";
    private static final String NEW_IP = "3.120.0.9";

    @Test
    void anEndpointIsHttpsOnThePublicIpWithIpv6InBrackets() {
        assertThat(EndpointRule.httpsEndpointFor("54.194.252.215")).isEqualTo("https://54.194.252.215");
        assertThat(EndpointRule.httpsEndpointFor("2600:1f18::1")).isEqualTo("https://[2600:1f18::1]");
    }

    @Nested
    class WhileRunning {

        @Test
        void aPublicIpAndNoEndpointGiveAnAutomaticEndpoint() {
            WorkerState state = stateAfter(created(), running(WorkerStatus.UNKNOWN),
                    new NetworkAddressesChanged(WORKER, null, PUBLIC_IP, null, PRIVATE_IP, T1));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.UNKNOWN, T1)).containsExactly(
                    new EndpointPopulated(WORKER, AUTO_ENDPOINT, PUBLIC_IP, EndpointSource.AUTO, "auto-population",
                            T1));
        }

        @Test
        void anIpv6PublicIpGivesABracketedEndpoint() {
            WorkerState state = stateAfter(created(), running(WorkerStatus.UNKNOWN),
                    new NetworkAddressesChanged(WORKER, null, "2600:1f18::1", null, null, T1));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.UNKNOWN, T1)).containsExactly(
                    new EndpointPopulated(WORKER, "https://[2600:1f18::1]", "2600:1f18::1", EndpointSource.AUTO,
                            "auto-population", T1));
        }

        @Test
        void noPublicIpGivesNoEndpoint() {
            WorkerState state = stateAfter(created(), running(WorkerStatus.UNKNOWN));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.UNKNOWN, T1)).isEmpty();
        }

        @Test
        void anAutomaticEndpointOnTheSamePublicIpStaysAsItIs() {
            assertThat(EndpointRule.followStatusAndPublicIp(stateAfter(runningAndAvailable()), WorkerStatus.RUNNING,
                    T2)).isEmpty();
        }

        @Test
        void anAutomaticEndpointFollowsAChangedPublicIpAndTheServiceMustBeCheckedAgain() {
            WorkerState state = stateAfter(plus(runningAndAvailable(),
                    new NetworkAddressesChanged(WORKER, PUBLIC_IP, NEW_IP, PRIVATE_IP, PRIVATE_IP, T2)));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.RUNNING, T2)).containsExactly(
                    new EndpointPopulated(WORKER, "https://" + NEW_IP, NEW_IP, EndpointSource.AUTO,
                            "auto-population", T2),
                    new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                            "public IP changed to " + NEW_IP, T2));
        }

        @Test
        void anAutomaticEndpointGoesWithAReleasedPublicIp() {
            WorkerState state = stateAfter(plus(runningAndAvailable(),
                    new NetworkAddressesChanged(WORKER, PUBLIC_IP, null, PRIVATE_IP, PRIVATE_IP, T2)));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.RUNNING, T2)).containsExactly(
                    new EndpointCleared(WORKER, AUTO_ENDPOINT, EndpointSource.AUTO, "public IP released", T2),
                    new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE, "public IP released", T2));
        }

        @Test
        void aManualEndpointIsNeverTouchedWhateverThePublicIpDoes() {
            Object[] manual = plus(runningAndAvailable(), new EndpointPopulated(WORKER, MANUAL_ENDPOINT, PUBLIC_IP,
                    EndpointSource.MANUAL, "ops", T1));
            WorkerState newIp = stateAfter(plus(manual,
                    new NetworkAddressesChanged(WORKER, PUBLIC_IP, NEW_IP, PRIVATE_IP, PRIVATE_IP, T2)));
            WorkerState noIp = stateAfter(plus(manual,
                    new NetworkAddressesChanged(WORKER, PUBLIC_IP, null, PRIVATE_IP, PRIVATE_IP, T2)));

            assertThat(EndpointRule.followStatusAndPublicIp(newIp, WorkerStatus.RUNNING, T2)).isEmpty();
            assertThat(EndpointRule.followStatusAndPublicIp(noIp, WorkerStatus.RUNNING, T2)).isEmpty();
        }
    }

    @Nested
    class LeavingRunning {

        @Test
        void theAutomaticEndpointGoesAndTheServiceIsMarkedUnavailable() {
            WorkerState state = stateAfter(plus(runningAndAvailable(), stopping()));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.RUNNING, T2)).containsExactly(
                    new EndpointCleared(WORKER, AUTO_ENDPOINT, EndpointSource.AUTO,
                            "worker left RUNNING (now STOPPING)", T2),
                    new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                            "worker left RUNNING (now STOPPING)", T2));
        }

        @Test
        void aManualEndpointStaysButTheServiceIsStillMarkedUnavailable() {
            WorkerState state = stateAfter(plus(plus(runningAndAvailable(), new EndpointPopulated(WORKER,
                    MANUAL_ENDPOINT, PUBLIC_IP, EndpointSource.MANUAL, "ops", T1)), stopping()));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.RUNNING, T2)).containsExactly(
                    new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                            "worker left RUNNING (now STOPPING)", T2));
        }

        @Test
        void aServiceAlreadyUnavailableIsNotMarkedAgain() {
            WorkerState state = stateAfter(plus(runningWithAutoEndpoint(), stopping()));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.RUNNING, T2)).containsExactly(
                    new EndpointCleared(WORKER, AUTO_ENDPOINT, EndpointSource.AUTO,
                            "worker left RUNNING (now STOPPING)", T2));
        }

        @Test
        void aWorkerThatWasNotRunningHasNothingToLeave() {
            WorkerState state = stateAfter(created(), new StatusChanged(WORKER, WorkerStatus.STOPPED,
                    WorkerStatus.PENDING, "pending", "r", T1));

            assertThat(EndpointRule.followStatusAndPublicIp(state, WorkerStatus.STOPPED, T1)).isEmpty();
        }
    }

    @Nested
    class ByAnOperator {

        @Test
        void aNewManualEndpointReplacesTheAutomaticOneAndTheServiceMustBeCheckedAgain() {
            assertThat(EndpointRule.setManually(stateAfter(runningAndAvailable()), MANUAL_ENDPOINT, "ops", NOW))
                    .containsExactly(
                            new EndpointPopulated(WORKER, MANUAL_ENDPOINT, PUBLIC_IP, EndpointSource.MANUAL, "ops",
                                    NOW),
                            new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                    "endpoint changed to " + MANUAL_ENDPOINT + " by ops", NOW));
        }

        @Test
        void takingOverTheAutomaticEndpointKeepsTheServiceStatus() {
            assertThat(EndpointRule.setManually(stateAfter(runningAndAvailable()), AUTO_ENDPOINT, "ops", NOW))
                    .containsExactly(new EndpointPopulated(WORKER, AUTO_ENDPOINT, PUBLIC_IP, EndpointSource.MANUAL,
                            "ops", NOW));
        }

        @Test
        void theSameManualEndpointAgainChangesNothing() {
            WorkerState state = stateAfter(created(), new EndpointPopulated(WORKER, MANUAL_ENDPOINT, null,
                    EndpointSource.MANUAL, "ops", T0));

            assertThat(EndpointRule.setManually(state, MANUAL_ENDPOINT, "someone-else", NOW)).isEmpty();
        }

        @Test
        void clearingSaysWhoAndWhyAndTheServiceMustBeCheckedAgain() {
            assertThat(EndpointRule.clearByOperator(stateAfter(runningAndAvailable()), "ops", "wrong address", NOW))
                    .containsExactly(
                            new EndpointCleared(WORKER, AUTO_ENDPOINT, EndpointSource.AUTO,
                                    "cleared by ops: wrong address", NOW),
                            new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                    "endpoint cleared by ops: wrong address", NOW));
        }

        @Test
        void clearingWithoutAReasonSaysWhoOnly() {
            assertThat(EndpointRule.clearByOperator(stateAfter(runningWithAutoEndpoint()), "ops", null, NOW))
                    .containsExactly(new EndpointCleared(WORKER, AUTO_ENDPOINT, EndpointSource.AUTO,
                            "cleared by ops", NOW));
        }

        @Test
        void clearingWhenThereIsNoEndpointChangesNothing() {
            assertThat(EndpointRule.clearByOperator(stateAfter(created()), "ops", null, NOW)).isEmpty();
        }
    }

    private static StatusChanged running(WorkerStatus from) {
        return new StatusChanged(WORKER, from, WorkerStatus.RUNNING, "running", "r", T1);
    }

    private static Object[] stopping() {
        return new Object[]{
                new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPING, "stopping", "r", T2),
                new NetworkAddressesChanged(WORKER, PUBLIC_IP, null, PRIVATE_IP, PRIVATE_IP, T2)};
    }
}
