package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.readmodel.query.LabView;
import io.cmlfleet.application.readmodel.query.ListWorkerLabs;
import io.cmlfleet.application.readmodel.query.WorkerLabs;
import io.cmlfleet.application.readmodel.query.WorkerLabsQueryHandler;
import io.cmlfleet.application.text.SafeText;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code labs <worker>}: a worker's labs from the worker-labs read model, with the last action taken on each. Reads
 * the store like {@code workers} (the embedded H2 store only while the service is stopped); stored text passes
 * {@link SafeText#line}.
 */
final class LabsCommand implements Command {

    @Override
    public String name() {
        return "labs";
    }

    @Override
    public String usage() {
        return "labs <worker-id> [--data-dir ./cmlfleet-data | --jdbc-url URL [--jdbc-user U]]";
    }

    @Override
    public String summary() {
        return "list a worker's labs with state, nodes, owner and the last action taken on each";
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        String workerId = options.positional(0, "worker id");
        WorkerLabs labs = new WorkerLabsQueryHandler(new JdbcTemplate(StoreConnection.dataSource(options,
                environment))).handle(new ListWorkerLabs(workerId));
        out.println(String.format("%-36s %-28s %-16s %-6s %-12s %s", "LAB", "TITLE", "STATE", "NODES", "OWNER",
                "LAST ACTION"));
        for (LabView lab : labs.labs()) {
            out.println(String.format("%-36s %-28s %-16s %-6s %-12s %s", SafeText.line(lab.labId()),
                    lab.title() == null ? "-" : SafeText.line(lab.title()),
                    lab.state() == null ? "-" : SafeText.line(lab.state()),
                    lab.nodeCount() == null ? "-" : lab.nodeCount().toString(),
                    lab.owner() == null ? "-" : SafeText.line(lab.owner()),
                    lab.lastAction() == null ? "-" : lab.lastAction() + " " + lab.lastOutcome() + " by "
                            + SafeText.line(lab.lastActionBy()) + " at " + lab.lastActionAt()));
        }
        out.println(labs.labs().size() + " lab(s) on " + SafeText.line(workerId));
        return 0;
    }
}
