package io.cmlfleet.application.port.cml;

import io.cmlfleet.domain.worker.LabFacts;
import java.util.List;

/**
 * The labs of a CML controller, and what an operator does to them, over CML's REST API ({@code /api/v0}, the calls
 * of the official client virl2-client). Every method reports failures as {@link CmlAccessException}; a call CML
 * refuses (an invalid transition such as wiping a started lab, an unknown lab, a topology it cannot import) is of
 * kind {@link CmlAccessException.Kind#REJECTED} and carries CML's own description.
 *
 * <p>Kept apart from {@link CmlControllerClient} (which the refresh reads through) so that the refresh's port stays
 * read-only; the HTTPS adapter implements both over one session per controller.
 */
public interface CmlLabOperations {

    /** Every lab with its details: {@code GET /labs?show_all=true}, then {@code GET /labs/{id}} for each. */
    List<LabFacts> labDetails(CmlTarget target) throws CmlAccessException;

    /** One lab's details: {@code GET /labs/{id}}. */
    LabFacts lab(CmlTarget target, String labId) throws CmlAccessException;

    /** {@code PUT /labs/{id}/start}. */
    void startLab(CmlTarget target, String labId) throws CmlAccessException;

    /** {@code PUT /labs/{id}/stop}. */
    void stopLab(CmlTarget target, String labId) throws CmlAccessException;

    /** {@code PUT /labs/{id}/wipe}; CML refuses it unless the lab is stopped. */
    void wipeLab(CmlTarget target, String labId) throws CmlAccessException;

    /** {@code DELETE /labs/{id}}. */
    void deleteLab(CmlTarget target, String labId) throws CmlAccessException;

    /** The lab's topology as CML exports it: {@code GET /labs/{id}/download}, YAML text. */
    String downloadTopology(CmlTarget target, String labId) throws CmlAccessException;

    /** {@code POST /import?title=...} with the topology YAML as body; answers the new lab's id and CML's warnings. */
    CmlLabImport importTopology(CmlTarget target, String title, String topologyYaml) throws CmlAccessException;
}
