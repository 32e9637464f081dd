package io.cmlfleet.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The labs of one simulated controller and their state machine, as CML 2.9 runs it: a lab is DEFINED_ON_CORE after
 * an import or a wipe, STARTED after a start, STOPPED after a stop. Start and stop are idempotent; CML refuses to
 * wipe or delete a lab that is STARTED (stop it first). Seeded from the worker's traits on first use, so every
 * controller starts with the labs its profile gives it.
 */
final class SimulatedLabs {

    static final String DEFINED_ON_CORE = "DEFINED_ON_CORE";
    static final String STOPPED = "STOPPED";
    static final String STARTED = "STARTED";

    /** One lab: what {@code GET /labs/{id}} shows, and the topology {@code /download} returns. */
    record Lab(String id, String title, String owner, String state, int nodeCount, int linkCount, Instant created,
               String topology) {
        Lab withState(String newState) {
            return new Lab(id, title, owner, newState, nodeCount, linkCount, created, topology);
        }
    }

    /** CML's answer to an operation it refuses: an HTTP status and its {@code description}. */
    record Refusal(int status, String description) {
    }

    private final Map<String, Lab> labs = new LinkedHashMap<>();
    private final String seed;
    private int imports;

    SimulatedLabs(String seed, List<Lab> initial) {
        this.seed = seed;
        initial.forEach(lab -> labs.put(lab.id(), lab));
    }

    synchronized List<String> ids() {
        return new ArrayList<>(labs.keySet());
    }

    synchronized Optional<Lab> lab(String id) {
        return Optional.ofNullable(labs.get(id));
    }

    /** Starts, stops, wipes or deletes a lab; empty when done, the refusal otherwise. */
    synchronized Optional<Refusal> act(String id, String action) {
        Lab lab = labs.get(id);
        if (lab == null) {
            return Optional.of(new Refusal(404, "Lab not found: " + id));
        }
        switch (action) {
            case "start" -> labs.put(id, lab.withState(STARTED));
            case "stop" -> labs.put(id, lab.state().equals(STARTED) ? lab.withState(STOPPED) : lab);
            case "wipe" -> {
                if (lab.state().equals(STARTED)) {
                    return Optional.of(new Refusal(400, "Lab " + id + " is running: stop it before wiping it."));
                }
                labs.put(id, lab.withState(DEFINED_ON_CORE));
            }
            case "delete" -> {
                if (lab.state().equals(STARTED)) {
                    return Optional.of(new Refusal(400, "Lab " + id + " is running: stop it before deleting it."));
                }
                labs.remove(id);
            }
            default -> {
                return Optional.of(new Refusal(404, "Not found: " + action));
            }
        }
        return Optional.empty();
    }

    /** Imports a topology as a new DEFINED_ON_CORE lab; its nodes are the topology's {@code node_definition}s. */
    synchronized Lab importTopology(String title, String owner, String topology, Instant now) {
        imports++;
        String id = UUID.nameUUIDFromBytes((seed + "|import|" + imports).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        int nodes = (int) topology.lines().filter(line -> line.strip().startsWith("node_definition:")).count();
        Lab lab = new Lab(id, title, owner, DEFINED_ON_CORE, nodes, Math.max(0, nodes - 1), now, topology);
        labs.put(id, lab);
        return lab;
    }

    /** A minimal CML 2.x topology for a seeded lab, in the shape {@code /download} returns. */
    static String topologyOf(String title, int nodes) {
        StringBuilder yaml = new StringBuilder("lab:\n  title: ").append(title).append("\n  version: 0.2.2\nnodes:\n");
        for (int n = 0; n < nodes; n++) {
            yaml.append("  - id: n").append(n).append("\n    label: node-").append(n)
                    .append("\n    node_definition: iosv\n");
        }
        return yaml.append("links: []\n").toString();
    }
}
