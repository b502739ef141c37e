/**
 * Exporting a TorchScript model as a model repository for NVIDIA Triton Inference Server's {@code pytorch_libtorch}
 * backend: {@code REPO/NAME/config.pbtxt} and {@code REPO/NAME/VERSION/model.pt}. Toolkit-free; plain engine types only.
 */
package io.tsstudio.engine.export.triton;
