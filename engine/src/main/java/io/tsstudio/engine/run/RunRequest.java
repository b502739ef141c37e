package io.tsstudio.engine.run;


import java.util.List;

/** One run: a method, its arguments as JSON texts (the CLI's {@code --arg} encoding), and the run plan. */
public record RunRequest(String method, List<String> argsJson, RunPlan plan) {
    public RunRequest {
        argsJson = List.copyOf(argsJson);
    }
}
