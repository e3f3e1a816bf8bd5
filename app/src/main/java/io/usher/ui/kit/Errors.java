package io.usher.ui.kit;

import io.usher.domain.common.UsherException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failure into the one sentence a person sees; anything unexpected goes to the log. */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  public static String sentence(Throwable failure) {
    if (failure instanceof UsherException refusal) {
      return refusal.getMessage();
    }
    LOG.error("Unexpected failure in the window", failure);
    return "Usher hit an unexpected error ("
        + failure.getClass().getSimpleName()
        + "); the details are in the log in the data folder.";
  }
}
