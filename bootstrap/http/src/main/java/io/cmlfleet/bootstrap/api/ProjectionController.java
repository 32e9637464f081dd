package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.operations.ProjectionRebuild;
import io.cmlfleet.application.operations.RebuildSummary;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilding a read model, the operator's command: stop the processor, reset its tokens, replay, report progress and
 * events per second (in the log, line {@code Rebuilding projection ...}), restart. Answers when it has caught up.
 */
@RestController
@RequestMapping("/api/v1/projections")
@Tag(name = "projections", description = "Read models and their rebuild")
public class ProjectionController {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.projections");

    private final ObjectProvider<ProjectionRebuild> rebuild;

    public ProjectionController(ObjectProvider<ProjectionRebuild> rebuild) {
        this.rebuild = rebuild;
    }

    @GetMapping
    @Operation(summary = "The rebuildable projections (processing groups)")
    public List<String> projections() {
        return ProcessingGroups.ALL;
    }

    @PostMapping("/{group}/rebuild")
    @Operation(summary = "Replay a projection from the start of the event store and wait until it has caught up")
    public RebuildSummary rebuild(@PathVariable("group") String group) {
        if (!ProcessingGroups.ALL.contains(group)) {
            throw new IllegalArgumentException("Unknown projection '" + group + "'; one of " + ProcessingGroups.ALL);
        }
        return rebuild.getObject().rebuild(group, progress -> LOG.info(
                "Rebuilding projection {}: position {} of {} ({} %), {} events/s", progress.processingGroup(),
                progress.position(), progress.targetPosition(), progress.percent(), progress.eventsPerSecond()));
    }
}
