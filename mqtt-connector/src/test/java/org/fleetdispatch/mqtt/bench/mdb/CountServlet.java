package org.fleetdispatch.mqtt.bench.mdb;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /count?key=K[&atLeast=N&waitMs=T]}: waits up to {@code T} ms (at most 5 s) until key
 * {@code K} counted {@code N} messages, then answers {@code count lastMicros peakConcurrency} as plain text.
 */
@WebServlet("/count")
public class CountServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String key = req.getParameter("key");
        if (key == null) {
            resp.sendError(400, "key missing");
            return;
        }
        Counters.Counter c = Counters.of(key);
        String atLeast = req.getParameter("atLeast");
        if (atLeast != null) {
            long wait = Math.min(5_000, Long.parseLong(req.getParameter("waitMs") == null ? "1000"
                    : req.getParameter("waitMs")));
            try {
                c.await(Long.parseLong(atLeast), wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        resp.setContentType("text/plain");
        resp.getWriter().print(c.count() + " " + c.lastMicros() + " " + c.peak());
    }
}
