/**
 * The contract test kit: abstract JUnit 5 test classes that check any implementation of the
 * personalize4j API against the same behaviour, on the same {@link
 * dev.personalize4j.testing.contract.ContractData standard data set}. Extend {@link
 * dev.personalize4j.testing.contract.RecommenderContract}, {@link
 * dev.personalize4j.testing.contract.EventSinkContract} or {@link
 * dev.personalize4j.testing.contract.CatalogSyncContract} and supply a factory. Needs JUnit 5 and
 * AssertJ on the test classpath (optional dependencies of this module).
 */
package dev.personalize4j.testing.contract;
