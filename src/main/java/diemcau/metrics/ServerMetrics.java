package diemcau.metrics;

import diemcau.live.LiveHub;
import diemcau.web.AddressGuard;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The server's one metrics registry, scraped as Prometheus text at {@code /metrics}: Vert.x's own
 * metrics (HTTP server, event bus, worker pools), the JVM's, and diemcau's (the hub's sockets and
 * frames, commands, imports, the database pool).
 *
 * <p>Vert.x's per-connection byte counters ({@code NET_SERVER}) are off: the hub writes every
 * state frame to thousands of sockets and needs no per-write bookkeeping on that path. Its HTTP
 * server metrics are off too: with them on, Vert.x 5.0 takes a connection's address before the
 * PROXY protocol header names the client, so behind HAProxy every request came from the proxy and
 * the per-address limits would throttle the whole audience as one address.
 */
public final class ServerMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** The registry features record into. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter now. */
  public String scrape() {
    return registry.scrape();
  }

  /** Makes the Vert.x instance {@code builder} builds report into this registry. */
  public VertxBuilder install(VertxBuilder builder, VertxOptions options) {
    options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .addDisabledMetricsCategory(MetricsDomain.NET_SERVER)
        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
        .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)
        .addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT)
        .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET));
    return builder.with(options).withMetrics(new MicrometerMetricsFactory(registry));
  }

  /** The hub's figures: open sockets by tier, frames written, states parked for sockets that do not read. */
  public void watch(LiveHub hub) {
    Gauge.builder("diemcau.sockets", hub, LiveHub::prioritySockets)
        .tag("tier", "priority").description("Open sockets of hall, bridge and console screens")
        .register(registry);
    Gauge.builder("diemcau.sockets", hub, live -> live.connections() - live.prioritySockets())
        .tag("tier", "public").description("Open sockets of public viewers")
        .register(registry);
    FunctionCounter.builder("diemcau.frames.sent", hub, LiveHub::framesSent)
        .description("Frames written to sockets").register(registry);
    Gauge.builder("diemcau.states.parked", hub, LiveHub::parked)
        .description("State frames waiting for sockets that do not read").register(registry);
    FunctionCounter.builder("diemcau.states.parks", hub, LiveHub::parks)
        .description("Times a state was parked instead of written").register(registry);
  }

  /** The per-address limits' figures: wrong credentials, throttled ones, connections refused at a cap, request timeouts. */
  public void watch(AddressGuard guard) {
    FunctionCounter.builder("diemcau.auth.failures", guard, AddressGuard::authFailures)
        .description("Wrong tokens or keys presented").register(registry);
    FunctionCounter.builder("diemcau.auth.throttled", guard, AddressGuard::authThrottled)
        .description("Wrong tokens or keys answered 429 (address over its budget)").register(registry);
    FunctionCounter.builder("diemcau.connections.refused", guard, AddressGuard::connectionsRefused)
        .description("Connections refused at their address's cap").register(registry);
    FunctionCounter.builder("diemcau.requests.timeouts", guard, AddressGuard::requestTimeouts)
        .description("Connections closed for not sending a request in time").register(registry);
  }
}
