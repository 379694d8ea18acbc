/**
 * Streaming readers of labelled text (CSV/TSV, TweetEval, {@code text;label}, JSONL, CoNLL), UTF-8
 * only, with errors that name the file and line and a fail-or-skip policy for bad rows.
 */
package org.bertfit.datasets.io;
