package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.types.OpSchema;
import org.bytedeco.pytorch.Operation;
import org.bytedeco.pytorch.Operator;
import org.bytedeco.pytorch.Symbol;

import java.util.List;

/** One registry operator with its digested schema. Lives as long as the process (the registry never unloads). */
final class OpOverload {
    final Operator operator;
    final Symbol symbol;
    final OpSchema schema;
    final List<ArgSpec> args;
    final List<ArgSpec> returns;
    final boolean varret;
    private volatile Operation operation;

    OpOverload(Operator operator, Symbol symbol, OpSchema schema, List<ArgSpec> args, List<ArgSpec> returns, boolean varret) {
        this.operator = operator;
        this.symbol = symbol;
        this.schema = schema;
        this.args = args;
        this.returns = returns;
        this.varret = varret;
    }

    Operation operation() {
        Operation op = operation;
        if (op == null) {
            synchronized (this) {
                if (operation == null) {
                    Operation created = operator.getOperation();
                    created.retainReference(); // may be created inside a caller's PointerScope; it must outlive it
                    operation = created;
                }
                op = operation;
            }
        }
        return op;
    }
}
