package io.cmlfleet.application.refresh;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a refresh's concurrent CML calls run on: three per refresh thread, since each refresh makes one of its
 * four CML calls itself. Deliberately not an {@link Executor} bean, so that a host's own task executor and
 * Spring Boot's default one are not displaced by it.
 */
public final class CmlCallPool implements AutoCloseable {

    private final ExecutorService threads;

    public CmlCallPool(int refreshParallelism) {
        int size = 3 * refreshParallelism;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "cmlfleet-cml-call-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
    }

    public Executor executor() {
        return threads;
    }

    /** Calls in flight end by their own timeouts; nothing is interrupted. */
    @Override
    public void close() {
        threads.shutdown();
    }
}
