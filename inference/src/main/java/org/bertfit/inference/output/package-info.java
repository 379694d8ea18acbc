/**
 * Prediction files, each written under a temporary name and moved into place when complete:
 * JSON lines of labels and scores (or entities), conlleval's input, embeddings.
 */
package org.bertfit.inference.output;
