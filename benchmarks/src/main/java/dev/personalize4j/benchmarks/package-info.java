/**
 * JMH benchmarks of personalize4j, each measured against a baseline in the same run, plus the
 * simulation of what the recommendation cache saves and the report that checks every ratio against
 * its target.
 */
package dev.personalize4j.benchmarks;
