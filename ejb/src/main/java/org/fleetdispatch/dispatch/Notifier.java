package org.fleetdispatch.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Calls the URL of a notify leaf: POST of its {@code json_data} with its timeout, retried up to 3 times
 * on 408, 425, 429 and 5xx (and on a timeout or refused connection) with growing pauses. Runs
 * asynchronously on the container's executor, so a slow endpoint never holds up a robot or a
 * transaction; the outcome advances the mission in a transaction of its own.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
    static final int RETRIES = 3;
    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429);

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private DispatchSweeps sweeps;

    private HttpClient http;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void due(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotifyDue notify) {
        call(notify);
    }

    /** Starts the call of a leaf that has just started, unless this instance is already making it. */
    public void call(NotifyDue notify) {
        start(notify, false);
    }

    /**
     * Starts the call of a leaf a sweep found running, unless this instance is already making it or the leaf ended
     * since the sweep read it: a call that just ended may have been committing its outcome meanwhile.
     */
    public void resume(NotifyDue notify) {
        start(notify, true);
    }

    private void start(NotifyDue notify, boolean checkStillRunning) {
        String key = notify.mission() + "#" + notify.leaf();
        if (!inFlight.add(key)) {
            return;
        }
        // a call leaves inFlight only once its outcome committed, so the leaf read now is the latest word on it
        if (checkStillRunning && !sweeps.notifyRunning(notify.mission(), notify.leaf())) {
            inFlight.remove(key);
            return;
        }
        attempt(notify, 0).whenComplete((result, error) -> {
            boolean success = error == null && result.success();
            String message = error != null ? "notify call failed: " + error : result.message();
            executor.execute(() -> {
                try {
                    sweeps.notifyFinished(notify.mission(), notify.leaf(), success, message);
                } finally {
                    inFlight.remove(key);
                }
            });
        });
    }

    private record Result(boolean success, String message) {
    }

    private CompletableFuture<Result> attempt(NotifyDue notify, int retry) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notify.spec().url()))
                .timeout(Duration.ofSeconds(notify.spec().timeout()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(notify.spec().jsonData())))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error == null && response.statusCode() / 100 == 2) {
                        return CompletableFuture.completedFuture(new Result(true, null));
                    }
                    String outcome = error != null ? error.getClass().getSimpleName() + " " + error.getMessage()
                            : "HTTP " + response.statusCode();
                    boolean retryable = error != null || RETRYABLE.contains(response.statusCode()) || response.statusCode() >= 500;
                    if (retryable && retry < RETRIES) {
                        long pause = 500L << retry;
                        LOG.info(() -> "Notify '" + notify.node() + "' of mission " + notify.mission() + " got " + outcome
                                + ", retrying in " + pause + " ms");
                        return CompletableFuture.supplyAsync(() -> null,
                                        CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS, executor))
                                .thenCompose(ignored -> attempt(notify, retry + 1));
                    }
                    return CompletableFuture.completedFuture(new Result(false, "POST " + notify.spec().url() + " answered "
                            + outcome + (retry > 0 ? " after " + (retry + 1) + " attempts" : "")));
                })
                .thenCompose(f -> f);
    }

    private static String json(Map<String, Object> data) {
        return Orders.toJson(data).toString();
    }

}
