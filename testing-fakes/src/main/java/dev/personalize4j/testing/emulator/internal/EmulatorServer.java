package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.personalize4j.testing.emulator.FaultType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the emulator: one JDK HttpServer on one port serving the runtime and events
 * APIs (restJson1, routed by path) and the control plane (awsJson1_1, routed by X-Amz-Target).
 * Every request is counted, may be faulted, and ends in a response or a deliberate connection
 * reset; no exception escapes to the server.
 */
public final class EmulatorServer implements AutoCloseable {
  private static final byte[] MALFORMED_BODY =
      "{\"itemList\":[{\"itemId\":\"broken".getBytes(StandardCharsets.UTF_8);
  private static final int MAX_BODY = 16 * 1024 * 1024;
  private static final String TARGET_PREFIX = "AmazonPersonalize.";

  private final Config config;
  private final FaultPlan faults;
  private final Recorder recorder = new Recorder();
  private final State state;
  private final ControlPlane controlPlane;
  private final RuntimeApi runtime;
  private final EventsApi events;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private EmulatorServer(Config config) throws IOException {
    this.config = config;
    this.faults = new FaultPlan(config.seed());
    this.state = new State(config, faults);
    this.controlPlane = new ControlPlane(state);
    this.runtime = new RuntimeApi(state, controlPlane);
    this.events = new EventsApi(state, recorder);
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "personalize-emulator-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = new ThreadPoolExecutor(2, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory,
        new ThreadPoolExecutor.CallerRunsPolicy());
    this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 128);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server with {@code config}. */
  public static EmulatorServer start(Config config) {
    try {
      return new EmulatorServer(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Personalize emulator on "
          + config.bindAddress().getHostAddress() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public Config config() {
    return config;
  }

  public FaultPlan faults() {
    return faults;
  }

  public Recorder recorder() {
    return recorder;
  }

  /** The number of resources that still exist. */
  public int resourceCount() {
    return state.resourceCount();
  }

  /** Drops every resource, record, count and fault. */
  public void reset() {
    state.reset();
    recorder.clear();
    faults.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- request handling

  private record Route(Api api, String operation) {}

  private static Route route(String method, String path, Optional<String> target) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    String last = p.substring(p.lastIndexOf('/') + 1);
    if (last.isEmpty() || target.isPresent()) {
      String op = target.map(t -> t.startsWith(TARGET_PREFIX) ? t.substring(TARGET_PREFIX.length()) : "").orElse("");
      return new Route(Api.CONTROL, op.isEmpty() ? "Unknown" : op);
    }
    return switch (last) {
      case "recommendations" -> new Route(Api.RUNTIME, "GetRecommendations");
      case "personalize-ranking" -> new Route(Api.RUNTIME, "GetPersonalizedRanking");
      case "action-recommendations" -> new Route(Api.RUNTIME, "GetActionRecommendations");
      case "events" -> new Route(Api.EVENTS, "PutEvents");
      case "items" -> new Route(Api.EVENTS, "PutItems");
      case "users" -> new Route(Api.EVENTS, "PutUsers");
      case "actions" -> new Route(Api.EVENTS, "PutActions");
      case "action-interactions" -> new Route(Api.EVENTS, "PutActionInteractions");
      default -> new Route(Api.RUNTIME, "Unknown");
    };
  }

  private void handle(HttpExchange exchange) {
    try {
      handleSafely(exchange);
    } catch (Throwable t) {
      try {
        send(exchange, Api.RUNTIME, 500, "InternalFailure", "The emulator failed: " + t);
      } catch (Throwable ignored) {
        exchange.close();
      }
      if (t instanceof Error e && !(t instanceof StackOverflowError)) {
        throw e;
      }
    }
  }

  private void handleSafely(HttpExchange exchange) throws IOException {
    Optional<String> target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    Route route = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), target);
    byte[] body = readBody(exchange);
    recorder.count(route.operation());
    if (body == null) {
      send(exchange, route.api(), 413, "SerializationException", "Request body must be at most " + MAX_BODY + " bytes");
      return;
    }
    FaultPlan.Decision decision = faults.decide(route.operation(),
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("amz-sdk-invocation-id")));
    delay(decision.delay());
    if (decision.outage()) {
      send(exchange, route.api(), 503, "ServiceUnavailable", "Service unavailable (injected outage of " + route.operation() + ")");
      return;
    }
    // A malformed response still means the request was processed, as a real 200 would: the body is
    // corrupted after the operation ran, so clients that accept any 200 (PutEvents has no output) lose nothing.
    boolean corrupt = decision.fault().filter(f -> f == FaultType.MALFORMED_RESPONSE).isPresent();
    if (decision.fault().isPresent() && !corrupt) {
      fault(exchange, route, decision.fault().get());
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      send(exchange, route.api(), 405, "UnknownOperationException",
          "Method " + exchange.getRequestMethod() + " is not supported; the Personalize APIs use POST");
      return;
    }
    if (route.operation().equals("Unknown")) {
      if (route.api() == Api.CONTROL) {
        send(exchange, route.api(), 400, "UnknownOperationException", target.isEmpty()
            ? "POST / needs an X-Amz-Target header (AmazonPersonalize.<Operation>)"
            : "Unknown X-Amz-Target " + target.get() + "; expected AmazonPersonalize.<Operation>");
      } else {
        send(exchange, route.api(), 404, "UnknownOperationException",
            "No Personalize operation is served at path " + exchange.getRequestURI().getPath());
      }
      return;
    }
    try {
      ObjectNode response = dispatch(route, parse(body));
      byte[] bytes = corrupt ? MALFORMED_BODY.clone() : Out.MAPPER.writeValueAsBytes(response);
      respond(exchange, route.api(), 200, bytes, null);
    } catch (ApiException e) {
      send(exchange, route.api(), route.api().status(e.code()), e.code(), e.getMessage());
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      return bytes.length > MAX_BODY ? null : bytes;
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return Out.obj();
    }
    try {
      JsonNode node = Out.MAPPER.readTree(body);
      return node == null ? Out.obj() : node;
    } catch (JsonProcessingException e) {
      throw ApiException.serialization("Request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.serialization("Request body could not be read: " + e.getMessage());
    }
  }

  private ObjectNode dispatch(Route route, JsonNode body) {
    Req in = Req.of(body, "");
    return switch (route.operation()) {
      case "GetRecommendations" -> runtime.getRecommendations(in);
      case "GetPersonalizedRanking" -> runtime.getPersonalizedRanking(in);
      case "GetActionRecommendations" -> runtime.getActionRecommendations(in);
      case "PutEvents" -> events.putEvents(in);
      case "PutItems" -> events.putItems(in);
      case "PutUsers" -> events.putUsers(in);
      case "PutActions" -> events.putActions(in);
      case "PutActionInteractions" -> events.putActionInteractions(in);
      default -> controlPlane.handle(route.operation(), in);
    };
  }

  private static void delay(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fault(HttpExchange exchange, Route route, FaultType type) throws IOException {
    String op = route.operation();
    switch (type) {
      case THROTTLE -> send(exchange, route.api(), 400, "ThrottlingException", "Rate exceeded (injected on " + op + ")");
      case TOO_MANY_REQUESTS -> send(exchange, route.api(), 429, "TooManyRequestsException",
          "Too many requests (injected on " + op + ")");
      case SERVER_ERROR -> {
        if (faults.internalFailure()) {
          send(exchange, route.api(), 500, "InternalFailure", "Internal failure (injected on " + op + ")");
        } else {
          send(exchange, route.api(), 503, "ServiceUnavailable", "Service unavailable (injected on " + op + ")");
        }
      }
      case RESET_CONNECTION -> exchange.close();
      case MALFORMED_RESPONSE -> throw new IllegalStateException("malformed responses are sent after processing");
    }
  }

  private static void send(HttpExchange exchange, Api api, int status, String code, String message) throws IOException {
    ObjectNode body = Out.obj().put("__type", code).put("message", message);
    respond(exchange, api, status, Out.MAPPER.writeValueAsBytes(body), code);
  }

  private static void respond(HttpExchange exchange, Api api, int status, byte[] body, String errorType)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", api.contentType);
    headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      headers.set("X-Amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }
}
