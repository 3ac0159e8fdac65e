/**
 * personalize4j over Amazon Personalize (AWS SDK for Java v2). Most users need only
 * {@link dev.personalize4j.aws.AwsPersonalize} and its settings types.
 */
package dev.personalize4j.aws;
