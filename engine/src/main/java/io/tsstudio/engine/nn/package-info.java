/**
 * Java neural-network modules: {@link io.tsstudio.engine.nn.Module} and layers named and initialised as PyTorch's
 * ({@code Linear}, {@code Conv2d}, {@code BatchNorm2d}, ...), whose forwards run through the engine's operators, so that a
 * model written in Java runs and traces into TorchScript. {@code Functional} and {@code Init} are PyTorch's
 * {@code torch.nn.functional} and {@code torch.nn.init}: the layers' functions and activations, and in-place
 * initialisers. Depends on the engine API and {@code engine.trace}; the graph editor's Trace path uses it.
 */
package io.tsstudio.engine.nn;
