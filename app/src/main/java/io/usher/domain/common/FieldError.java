package io.usher.domain.common;

/** One problem with one input field, worded for the person who typed it. */
public record FieldError(String field, String message) {}
