package dev.personalize4j.testing.emulator;

import dev.personalize4j.testing.emulator.internal.Config;
import dev.personalize4j.testing.emulator.internal.EmulatorServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A local, wire-compatible Amazon Personalize: the runtime, events and control-plane APIs on one
 * loopback port, for the real AWS SDKs to call through an endpoint override. Resources move through
 * the service's statuses on an injectable clock, campaigns answer by their recipe from an in-memory
 * engine, and faults can be injected and traffic inspected.
 *
 * <pre>{@code
 * try (PersonalizeEmulator emulator = PersonalizeEmulator.start()) {
 *   PersonalizeRuntimeClient client = PersonalizeRuntimeClient.builder()
 *       .endpointOverride(emulator.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class PersonalizeEmulator implements AutoCloseable {
  static final String LISTENING = "Personalize emulator listening on ";

  private final EmulatorServer server;
  private final EmulatorFaults faults;
  private final EmulatorInspection inspection;
  private final URI endpoint;

  private PersonalizeEmulator(EmulatorServer server) {
    this.server = server;
    this.faults = new EmulatorFaults(server.faults());
    this.inspection = new EmulatorInspection(server);
    String host = server.config().bindAddress().isAnyLocalAddress()
        ? "127.0.0.1" : hostLiteral(server.config().bindAddress());
    this.endpoint = URI.create("http://" + host + ":" + server.port());
  }

  private static String hostLiteral(InetAddress address) {
    String ip = address.getHostAddress();
    return ip.contains(":") ? "[" + ip + "]" : ip;
  }

  /** Starts an emulator on 127.0.0.1 and a free port with the default settings. */
  public static PersonalizeEmulator start() {
    return builder().start();
  }

  /** Returns a builder for an emulator with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URI of all three APIs, e.g. {@code http://127.0.0.1:41235}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The port the emulator listens on. */
  public int port() {
    return server.port();
  }

  /** The region in the emulator's ARNs. */
  public String region() {
    return server.config().region();
  }

  /** The account id in the emulator's ARNs. */
  public String accountId() {
    return server.config().accountId();
  }

  /** The fault injection controls. */
  public EmulatorFaults faults() {
    return faults;
  }

  /** What the emulator has received. */
  public EmulatorInspection inspection() {
    return inspection;
  }

  /** Drops all resources, data, counters and faults. */
  public void reset() {
    server.reset();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "PersonalizeEmulator[" + endpoint + "]";
  }

  /**
   * Runs a standalone emulator until the process is stopped: {@code [--port N] [--data DIR]
   * [--bind-any] [--relaxed]}. The first line on stdout is {@code Personalize emulator listening on
   * http://127.0.0.1:PORT}.
   */
  public static void main(String[] args) {
    Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("personalize-emulator: " + e.getMessage());
      System.err.println("usage: java -jar personalize4j-testing-emulator.jar [--port N] [--data DIR] [--bind-any] [--relaxed]");
      System.exit(2);
      return;
    }
    PersonalizeEmulator emulator;
    try {
      emulator = builder.start();
    } catch (RuntimeException e) {
      System.err.println("personalize-emulator: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "personalize-emulator-shutdown"));
    PrintStream out = System.out;
    out.println(LISTENING + "http://127.0.0.1:" + emulator.port());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Builder parse(String[] args) {
    Builder b = builder();
    boolean bindAny = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> {
          String v = value(args, ++i, a);
          try {
            b.port(Integer.parseInt(v));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number between 0 and 65535 but was '" + v + "'");
          }
        }
        case "--data" -> {
          Path dir = Path.of(value(args, ++i, a));
          if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data must name an existing directory but " + dir + " is not one");
          }
          b.dataDirectory(dir);
        }
        case "--bind-any" -> bindAny = true;
        case "--relaxed" -> b.relaxTrainingMinimums(true);
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    if (bindAny) {
      try {
        b.bindAddress(InetAddress.getByName("0.0.0.0"), true);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalArgumentException("cannot resolve 0.0.0.0", e);
      }
    }
    return b;
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  /** Configures and starts a {@link PersonalizeEmulator}. */
  public static final class Builder {
    private int port;
    private Optional<Path> dataDirectory = Optional.empty();
    private Duration timeToActive = Duration.ZERO;
    private boolean relaxed;
    private long seed = 42L;
    private Clock clock = Clock.systemUTC();
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /** The directory import jobs read from: {@code s3://BUCKET/KEY} is {@code DIR/BUCKET/KEY}. */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = Optional.of(Objects.requireNonNull(dir, "dir"));
      return this;
    }

    /**
     * How long created resources take to become ACTIVE (half of it in CREATE PENDING, then CREATE
     * IN_PROGRESS), by the emulator's clock; default zero: ACTIVE by the first call after creation.
     */
    public Builder timeToActive(Duration d) {
      Objects.requireNonNull(d, "timeToActive");
      if (d.isNegative()) {
        throw new IllegalArgumentException("timeToActive must not be negative but was " + d);
      }
      this.timeToActive = d;
      return this;
    }

    /** Whether training skips the service's minimums (1000 interactions, 25 users with 2 or more); default false. */
    public Builder relaxTrainingMinimums(boolean relaxed) {
      this.relaxed = relaxed;
      return this;
    }

    /** The seed of fault-injection randomness; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The clock behind statuses, timestamps and the engine; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The address to bind; default the loopback address.
     *
     * @throws IllegalArgumentException if {@code address} is not a loopback address and
     *     {@code allowNonLoopback} is false
     */
    public Builder bindAddress(InetAddress address, boolean allowNonLoopback) {
      Objects.requireNonNull(address, "address");
      if (!address.isLoopbackAddress() && !allowNonLoopback) {
        throw new IllegalArgumentException("bindAddress " + address.getHostAddress()
            + " is not a loopback address; the emulator has no authentication, so pass allowNonLoopback=true"
            + " (or --bind-any) only if other hosts may reach it");
      }
      this.bindAddress = address;
      return this;
    }

    /** Starts the emulator. */
    public PersonalizeEmulator start() {
      Config config = new Config(port, dataDirectory, timeToActive, relaxed, seed, clock, bindAddress,
          "us-east-1", "000000000000");
      return new PersonalizeEmulator(EmulatorServer.start(config));
    }
  }
}
