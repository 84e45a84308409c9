package org.fleetdispatch.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An HTTP endpoint for notify nodes: records what it receives, answers with the statuses it is told to. */
final class NotifyEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile int defaultAnswer = 200;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    NotifyEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the held answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? defaultAnswer : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** The next requests get these statuses, in order; after them, {@code then}. */
    void answer(int then, Integer... first) {
        answers.addAll(List.of(first));
        defaultAnswer = then;
    }

    /** Requests from now on are received but not answered until {@link #releaseAnswers()}. */
    void holdAnswers() {
        gate = new CountDownLatch(1);
    }

    void releaseAnswers() {
        gate.countDown();
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        gate.countDown(); // a test that failed while an answer was held must not leave the server's thread waiting
        server.stop(0);
    }
}
