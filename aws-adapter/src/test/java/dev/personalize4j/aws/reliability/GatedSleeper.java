package dev.personalize4j.aws.reliability;

import dev.personalize4j.aws.Sleeper;
import dev.personalize4j.testing.FakeTicker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The adapter's {@link Sleeper} in fault tests, so that no test really waits: on the test's own
 * thread (recommendation retries) a backoff advances the fake ticker; on any other thread (the
 * event sender's retries) it waits until the test declares the fault over, modelling a sender
 * that keeps backing off for as long as the service fails.
 */
final class GatedSleeper implements Sleeper {
  private final FakeTicker ticker;
  private final Thread testThread;
  private volatile CountDownLatch faultOver = new CountDownLatch(0);
  private final CountDownLatch backgroundBackoff = new CountDownLatch(1);

  GatedSleeper(FakeTicker ticker) {
    this.ticker = ticker;
    this.testThread = Thread.currentThread();
  }

  /** From now on, background backoffs last until {@link #faultEnded()}. */
  void faultStarted() {
    faultOver = new CountDownLatch(1);
  }

  /** Releases every waiting background backoff. */
  void faultEnded() {
    faultOver.countDown();
  }

  /** Waits until a background thread (the event sender) has backed off at least once, i.e. met a failure. */
  boolean awaitBackgroundBackoff(Duration atMost) throws InterruptedException {
    return backgroundBackoff.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.currentThread() == testThread) {
      ticker.advance(duration);
      return;
    }
    backgroundBackoff.countDown();
    if (!faultOver.await(2, TimeUnit.MINUTES)) {
      throw new InterruptedException("the test never ended its fault");
    }
  }
}
