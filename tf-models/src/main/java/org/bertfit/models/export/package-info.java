/**
 * Export of bertfit models as TensorFlow SavedModels in TF Serving's layout ({@code BASE/VERSION/}
 * with {@code saved_model.pb}, {@code variables/} and {@code assets/}), written atomically.
 *
 * <p>Entry point: {@link org.bertfit.models.export.ServingExport}. An export has the tag {@code
 * serve} and two signatures over the int32 inputs {@code input_ids}, {@code attention_mask} and
 * {@code token_type_ids} ({@code [-1, -1]}): {@code serving_default} returns {@code logits} and
 * {@code probabilities}; {@code classify} returns {@code labels} (int32) and {@code scores}.
 */
package org.bertfit.models.export;
