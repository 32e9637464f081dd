package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.lifecycle.IdleStopSettings;
import io.cmlfleet.application.lifecycle.ProvisionWorker;
import io.cmlfleet.application.lifecycle.WorkerLifecycleService;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.domain.worker.InvalidWorkerInputException;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.WorkerStateConflictException;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Provisioning, importing, start/stop/terminate and idle stopping, on the real aggregate with fake EC2. */
class WorkerLifecycleServiceTest {

    private RefreshTestApp app = new RefreshTestApp();

    @AfterEach
    void tearDown() {
        app.close();
    }

    private static ProvisionWorker provision(String workerId, String amiId) {
        return new ProvisionWorker(workerId, "lab 7", "eu-west-1", amiId, "CML-2.9.1", "c5.2xlarge",
                "subnet-0123abcd", List.of("sg-0123abcd"), "ops-key", Map.of("team", "netops"), "alice");
    }

    @Test
    void provisioningLaunchesATaggedInstanceThenRegistersIt() {
        String instanceId = app.lifecycle.provision(provision("w-7", "ami-12345678"));

        assertThat(instanceId).isEqualTo(app.ec2Lifecycle.nextInstanceId);
        assertThat(app.ec2Lifecycle.launches).singleElement().satisfies(launch -> {
            assertThat(launch.tags()).containsEntry(WorkerLifecycleService.WORKER_ID_TAG, "w-7")
                    .containsEntry("team", "netops").containsEntry("Name", "lab 7");
            assertThat(launch.securityGroupIds()).containsExactly("sg-0123abcd");
        });
        assertThat(app.events("w-7", WorkerCreated.class)).singleElement().satisfies(created -> {
            assertThat(created.instanceId()).isEqualTo(instanceId);
            assertThat(created.origin()).isEqualTo(WorkerOrigin.REGISTERED);
        });
    }

    @Test
    void badInputIsRejectedBeforeAnythingIsLaunched() {
        assertThatThrownBy(() -> app.lifecycle.provision(provision("w-7", "ami-nope")))
                .isInstanceOf(InvalidWorkerInputException.class).hasMessageStartingWith("Invalid amiId:");

        assertThat(app.ec2Lifecycle.calls).isEmpty();
        assertThat(app.events("w-7")).isEmpty();
    }

    @Test
    void badLaunchFieldsAreRejectedBeforeAnythingIsLaunched() {
        List<ProvisionWorker> bad = List.of(
                launch("subnet-1", List.of("sg-0123abcd"), "ops-key"),
                launch("subnet-0123abcd\n", List.of("sg-0123abcd"), "ops-key"),
                launch("subnet-0123abcd", List.of("sg-0123abcd", "sg-0123abcd"), "ops-key"),
                launch("subnet-0123abcd", List.of("sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"), "ops-key"),
                launch("subnet-0123abcd", List.of("sg-1"), "ops-key"),
                launch("subnet-0123abcd", List.of("sg-0123abcd"), "ops-key "),
                launch("subnet-0123abcd", List.of("sg-0123abcd"), "clé"));
        List<String> fields = List.of("subnetId", "subnetId", "securityGroupIds", "securityGroupIds",
                "securityGroupIds[0]", "keyName", "keyName");
        for (int i = 0; i < bad.size(); i++) {
            ProvisionWorker request = bad.get(i);
            assertThatThrownBy(() -> app.lifecycle.provision(request)).as(request.toString())
                    .isInstanceOf(InvalidWorkerInputException.class)
                    .hasMessageStartingWith("Invalid " + fields.get(i) + ":");
        }
        assertThat(app.ec2Lifecycle.calls).isEmpty();
        assertThat(app.events("w-7")).isEmpty();
    }

    private static ProvisionWorker launch(String subnetId, List<String> securityGroupIds, String keyName) {
        return new ProvisionWorker("w-7", "lab 7", "eu-west-1", "ami-12345678", null, "c5.2xlarge", subnetId,
                securityGroupIds, keyName, Map.of(), "alice");
    }

    @Test
    void anInstanceWhoseRegistrationFailsIsTerminatedAgain() {
        app.lifecycle.provision(provision("w-7", "ami-12345678"));
        app.ec2Lifecycle.nextInstanceId = "i-0aaaaaaaaaaaaaaaa";

        assertThatThrownBy(() -> app.lifecycle.provision(provision("w-7", "ami-12345678")))
                .isInstanceOf(RuntimeException.class);

        assertThat(app.ec2Lifecycle.calls).containsExactly("launch eu-west-1", "launch eu-west-1",
                "terminate eu-west-1 i-0aaaaaaaaaaaaaaaa");
        assertThat(app.events("w-7", WorkerCreated.class)).hasSize(1);
        // Each call its own client token: EC2 never answers the second with the first's instance, which the
        // compensation would then terminate under the registered worker.
        assertThat(app.ec2Lifecycle.launches).extracting(launch -> launch.clientToken())
                .doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).startsWith("cmlfleet-").hasSizeLessThanOrEqualTo(64));
    }

    @Test
    void importingAnUnknownInstanceIsAClearErrorAndStoresNothing() {
        assertThatThrownBy(() -> app.lifecycle.importInstance("w-9", "adopted", "eu-west-1", "i-0badbadbadbadbad0",
                "alice"))
                .isInstanceOfSatisfying(CloudAccessException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudAccessException.Kind.UNKNOWN_INSTANCE);
                    assertThat(e.getMessage()).contains("i-0badbadbadbadbad0");
                });

        assertThat(app.events("w-9")).isEmpty();
    }

    @Test
    void importingAnExistingInstanceRecordsItAndItsCurrentState() {
        app.ec2.put("i-0123456789abcdef0", "stopped", 80, null);

        app.lifecycle.importInstance("w-9", "adopted", "eu-west-1", "i-0123456789abcdef0", "alice");

        assertThat(app.events("w-9", WorkerCreated.class)).singleElement()
                .extracting(WorkerCreated::origin).isEqualTo(WorkerOrigin.IMPORTED);
        assertThat(app.events("w-9", StatusChanged.class)).extracting(StatusChanged::to)
                .containsExactly(WorkerStatus.STOPPED);
    }

    @Test
    void stoppingRecordsTheRequestThenCallsEc2AndLeavesTheTransitionToMonitoring() {
        WorkerRef worker = runningWorker();

        app.lifecycle.stop(worker.workerId(), "alice", "end of class");

        assertThat(app.events(worker.workerId(), LifecycleActionRequested.class)).singleElement()
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo(LifecycleAction.STOP);
                    assertThat(r.requestedBy()).isEqualTo("alice");
                });
        assertThat(app.ec2Lifecycle.calls).containsExactly("stop eu-west-1 " + worker.instanceId());
        assertThat(app.events(worker.workerId(), StatusChanged.class)).extracting(StatusChanged::to)
                .containsExactly(WorkerStatus.RUNNING);
    }

    @Test
    void aRefusedEc2CallIsRecordedAndReported() {
        WorkerRef worker = runningWorker();
        app.ec2Lifecycle.failure = new CloudAccessException(CloudAccessException.Kind.ACCESS_DENIED, "eu-west-1",
                "TerminateInstances", "not authorized to perform ec2:TerminateInstances");

        assertThatThrownBy(() -> app.lifecycle.terminate(worker.workerId(), "alice", null))
                .isInstanceOf(CloudAccessException.class);

        assertThat(app.events(worker.workerId(), LifecycleActionFailed.class)).singleElement()
                .extracting(LifecycleActionFailed::errorCode).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void anImpossibleActionIsRefusedBeforeEc2IsCalled() {
        WorkerRef worker = runningWorker();

        assertThatThrownBy(() -> app.lifecycle.start(worker.workerId(), "alice", null))
                .isInstanceOf(WorkerStateConflictException.class)
                .hasMessageContaining("cannot START a worker that is RUNNING");
        assertThat(app.ec2Lifecycle.calls).isEmpty();
    }

    @Test
    void anIdleWorkerIsStoppedByTheRefreshThatFindsItIdle() {
        app.close();
        app = new RefreshTestApp(new IdleStopSettings(true, Duration.ofMinutes(60), Duration.ofMinutes(30)));
        app.cml.nodesRunning = 0;
        WorkerRef worker = runningWorker();
        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");
        assertThat(app.ec2Lifecycle.calls).isEmpty();

        app.clock.advance(Duration.ofMinutes(61));
        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId(), IdleStopTriggered.class)).singleElement()
                .extracting(IdleStopTriggered::idleMinutes).isEqualTo(61L);
        assertThat(app.ec2Lifecycle.calls).containsExactly("stop eu-west-1 " + worker.instanceId());
        assertThat(outcome.stages()).contains(new RefreshStageOutcome(RefreshStage.IDLE_CHECK, io.cmlfleet.domain.worker.StageResult.RAN,
                "stopping: no running CML nodes for 61 min (idle limit 60 min)"));
    }

    private WorkerRef runningWorker() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, "54.194.252.215");
        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");
        return worker;
    }
}
