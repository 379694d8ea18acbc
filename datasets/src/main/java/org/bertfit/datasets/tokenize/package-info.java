/** BERT WordPiece tokenization through DJL's Hugging Face tokenizers, and padded batches of ids. */
package org.bertfit.datasets.tokenize;
