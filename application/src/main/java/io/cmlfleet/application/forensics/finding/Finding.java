package io.cmlfleet.application.forensics.finding;

/**
 * One thing a worker's history says: a gap in monitoring, a stuck state, a stop nobody asked for, what the refresh
 * gate did with a stage, ... Each kind is a record of its own; the set is closed so that {@link FindingPhrasing}, the
 * one place where findings become sentences, rows and JSON kinds, can be checked to say every kind.
 */
public sealed interface Finding permits MonitoringGap, Flapping, LaunchToAvailable, StuckState, EndpointChange,
        EndpointlessRun, StageFailures, StageExplanation, OutsideStop, LicenceRenewalFailed, LicenceExpired,
        LicenceExpiring, LicenceChanged {
}
