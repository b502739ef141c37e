/**
 * The immutable IR of one method's TorchScript graph ({@link io.tsstudio.engine.ir.IrGraph},
 * {@link io.tsstudio.engine.ir.IrNode}, {@link io.tsstudio.engine.ir.IrValue}, {@link io.tsstudio.engine.ir.IrBlock},
 * {@link io.tsstudio.engine.ir.IrCall}) as read from LibTorch, and its text forms (JSON, DOT). Plain records: the graph
 * view, the graph editor's import, the CLI's {@code graph} command and observed runs depend on it; it depends on the
 * engine API and {@code engine.types}.
 */
package io.tsstudio.engine.ir;
