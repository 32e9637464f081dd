package io.cmlfleet.application.port.cml;

/**
 * Load figures from {@code GET /system_stats}. Node and allocation figures are summed over the
 * {@code dominfo} of every compute; host figures come from the controller's {@code all} section.
 * Every figure is null when the controller did not report it.
 *
 * @param computes           number of compute hosts (the controller counts as one)
 * @param nodesRunning       sum of {@code dominfo.running_nodes}
 * @param nodesTotal         sum of {@code dominfo.total_nodes}
 * @param cpusAllocated      sum of {@code dominfo.allocated_cpus}: vCPUs given to running nodes
 * @param memoryAllocatedKib sum of {@code dominfo.allocated_memory}, in KiB as libvirt reports it
 * @param cpuCount           {@code all.cpu.count}: host CPUs over all computes
 * @param cpuPercent         {@code all.cpu.percent}
 * @param memoryUsedBytes    {@code all.memory.used}
 * @param memoryTotalBytes   {@code all.memory.total}
 * @param diskUsedBytes      {@code all.disk.used}
 * @param diskTotalBytes     {@code all.disk.total}
 */
public record CmlSystemStats(
        int computes,
        Long nodesRunning,
        Long nodesTotal,
        Long cpusAllocated,
        Long memoryAllocatedKib,
        Long cpuCount,
        Double cpuPercent,
        Long memoryUsedBytes,
        Long memoryTotalBytes,
        Long diskUsedBytes,
        Long diskTotalBytes) {
}
