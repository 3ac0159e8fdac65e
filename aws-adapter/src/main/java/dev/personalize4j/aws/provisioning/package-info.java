/**
 * Provisioning an Amazon Personalize pipeline as code: declare it as a {@link
 * dev.personalize4j.aws.provisioning.PipelineSpec}, bring it into existence idempotently with a
 * {@link dev.personalize4j.aws.provisioning.Provisioner}, and watch progress with a {@link
 * dev.personalize4j.aws.provisioning.ConsoleProgressRenderer}.
 */
package dev.personalize4j.aws.provisioning;
