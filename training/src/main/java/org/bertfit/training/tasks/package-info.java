/**
 * Task-level classifiers over the compile/fit API: {@link org.bertfit.training.tasks.TextClassifier}
 * (single- and multi-label) and {@link org.bertfit.training.tasks.TokenClassifier} (named
 * entities). Each opens a pretrained BERT with a new head, fine-tunes it with the demo's recipe
 * ({@link org.bertfit.training.tasks.TaskDefaults}) unless {@link
 * org.bertfit.training.tasks.TaskOptions} says otherwise, reports, predicts and exports.
 */
package org.bertfit.training.tasks;
