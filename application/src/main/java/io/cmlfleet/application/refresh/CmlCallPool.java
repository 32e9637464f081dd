package io.cmlfleet.application.refresh;

import io.cmlfleet.application.concurrent.DaemonThreads;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads a refresh's concurrent CML calls run on ({@link RefreshExecutionSettings#cmlCallThreads()}: three for
 * every refresh that may wait for its controller, since each makes one of its four CML calls itself). Idle threads
 * end after a minute. Deliberately not an {@link Executor} bean, so that a host's own task executor and Spring
 * Boot's default one are not displaced by it.
 */
public final class CmlCallPool implements AutoCloseable {

    private final ExecutorService threads;

    public CmlCallPool(int size) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("cmlfleet-cml-call"));
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
