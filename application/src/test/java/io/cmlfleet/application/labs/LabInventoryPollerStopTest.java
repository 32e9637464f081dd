package io.cmlfleet.application.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.port.cml.CmlLabOperations;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

/**
 * A stopped poller starts no round and asks nothing of the read model or CML: the node stops it before the deadline
 * scheduler that runs the rounds, so a round never outlives the scheduler's shutdown wait and is never interrupted.
 */
class LabInventoryPollerStopTest {

    /** No query handler and a CML port that fails the test: any round that starts fails. */
    private final LabInventoryPoller poller = new LabInventoryPoller(
            (CmlLabOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{CmlLabOperations.class}, (proxy, method, args) -> {
                        throw new AssertionError("no CML call expected: " + method.getName());
                    }),
            null, Duration.ofDays(30),
            DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build(),
            DefaultQueryGateway.builder().queryBus(SimpleQueryBus.builder().build()).build(),
            Clock.systemUTC());

    @Test
    void aRunningPollerAsksTheReadModel() {
        // The read model has no handler here, so a round that asks it fails: the other test's empty round is the stop.
        assertThatThrownBy(poller::listAll).hasMessageContaining("ListWorkers");
    }

    @Test
    void aStoppedPollerListsNothing() {
        poller.stop();

        assertThat(poller.listAll()).isZero();
    }
}
