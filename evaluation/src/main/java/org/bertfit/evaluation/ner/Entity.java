package org.bertfit.evaluation.ner;

/** A typed span of tokens, {@code start} to {@code end} inclusive, as seqeval's get_entities. */
public record Entity(String type, int start, int end) {}
