# TorchScript Studio sample: a module written as methods on `self`.
#
# The studio builds sample_model.pt from this file the first time it starts
# (nothing binary is shipped): it creates the modules below, registers their
# parameters from small seeded random values, defines these methods on them
# and saves the result. Open sample_model.pt to see the code per class and the
# weights in the inspector; edit a method, Recompile (Ctrl+B), and
# Save Model as .pt (Ctrl+Alt+S).
#
#   TinyMLP            buffer  scale [4]
#   +- encoder: Encoder   weight [16, 8], bias [16]
#   +- head: Head         weight [4, 16], bias [4]
#
# Without Python, a submodule is called as self.encoder.forward(x).

# --- class Encoder
def forward(self, x: Tensor) -> Tensor:
    return torch.relu(torch.matmul(x, self.weight.t()) + self.bias)

# --- class Head
def forward(self, x: Tensor) -> Tensor:
    return torch.matmul(x, self.weight.t()) + self.bias

# --- class TinyMLP
def forward(self, x: Tensor) -> Tensor:
    h = self.encoder.forward(x)
    return self.head.forward(h) * self.scale

def probabilities(self, x: Tensor) -> Tensor:
    return torch.softmax(self.forward(x), dim=-1)
