package io.cmlfleet.application.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;

/** Remembers what was scheduled and cancelled, and hands out predictable ids (deadline-1, deadline-2, ...). */
final class RecordingDeadlineManager implements DeadlineManager {

    record Scheduled(String id, Instant at, String name, Object payload) {
    }

    record Cancelled(String name, String id) {
    }

    final Map<String, Scheduled> pending = new LinkedHashMap<>();
    final List<Scheduled> scheduled = new ArrayList<>();
    final List<Cancelled> cancelled = new ArrayList<>();
    int cancelAllCalls;

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload) {
        String id = "deadline-" + (scheduled.size() + 1);
        Scheduled entry = new Scheduled(id, triggerDateTime, deadlineName, messageOrPayload);
        scheduled.add(entry);
        pending.put(id, entry);
        return id;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        return schedule(triggerDateTime, deadlineName, messageOrPayload);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        cancelled.add(new Cancelled(deadlineName, scheduleId));
        pending.remove(scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        cancelAllCalls++;
        pending.clear();
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        cancelAllCalls++;
        pending.clear();
    }

    Scheduled last() {
        return scheduled.get(scheduled.size() - 1);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
        return () -> true;
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
        return () -> true;
    }
}
