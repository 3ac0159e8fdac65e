/**
 * A local, wire-compatible Amazon Personalize for tests, demos and benchmarks: {@link
 * dev.personalize4j.testing.emulator.PersonalizeEmulator} serves the personalize-runtime and
 * personalize-events (restJson1) APIs and the control plane (awsJson1_1) on one loopback port, so
 * the real AWS SDKs (Java, JavaScript, ...) can use it through an endpoint override.
 *
 * <ul>
 *   <li>{@link dev.personalize4j.testing.emulator.EmulatorFaults}: seeded throttling, 429s, 5xx,
 *       latency, connection resets, malformed bodies, outages and fail-first-N-attempts;
 *   <li>{@link dev.personalize4j.testing.emulator.EmulatorInspection}: request counts and the
 *       events, items and users received;
 *   <li>{@link dev.personalize4j.testing.emulator.PersonalizeEmulatorExtension}: one emulator per
 *       JUnit 5 test class (JUnit is an optional dependency, needed only for the extension).
 * </ul>
 *
 * <p>Standalone: {@code java -jar personalize4j-testing-VERSION-emulator.jar [--port N] [--data DIR]
 * [--bind-any] [--relaxed]}.
 */
package dev.personalize4j.testing.emulator;
