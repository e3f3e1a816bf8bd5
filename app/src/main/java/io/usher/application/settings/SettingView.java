package io.usher.application.settings;

/** A setting as shown to a person: secrets already masked. */
public record SettingView(
    String key, String value, String defaultValue, boolean secret, String description) {}
