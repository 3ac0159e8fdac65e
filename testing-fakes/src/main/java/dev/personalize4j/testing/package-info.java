/**
 * In-memory implementations of the personalize4j API, primarily for tests and local development;
 * none needs JUnit or any other test framework, and all are thread-safe.
 *
 * <ul>
 *   <li>{@link dev.personalize4j.testing.InMemoryPersonalize}: a complete {@link
 *       dev.personalize4j.Personalize} whose recommender reacts at once to recorded events;
 *   <li>{@link dev.personalize4j.testing.ScriptedRecommender}: exact, scripted answers;
 *   <li>{@link dev.personalize4j.testing.RecordingEventSink}: keeps every recorded event, with
 *       fluent assertions;
 *   <li>{@link dev.personalize4j.testing.MutableClock} and {@link
 *       dev.personalize4j.testing.FakeTicker}: time that moves only when the test says so.
 * </ul>
 *
 * <p>The contract test kit, which checks any implementation against the same behaviour, is in
 * {@code dev.personalize4j.testing.contract} (needs JUnit 5 and AssertJ).
 */
package dev.personalize4j.testing;
