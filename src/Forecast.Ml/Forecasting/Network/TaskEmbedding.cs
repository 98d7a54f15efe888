using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>Task view representation (M2M step 4): T_t = f_MLP(Embedding(t)); task ids [m] → [m, d].</summary>
public sealed class TaskEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _tasks;
    private readonly Linear _project;

    public TaskEmbedding(int tasks, int dimension) : base(nameof(TaskEmbedding))
    {
        _tasks = nn.Embedding(tasks, dimension);
        _project = nn.Linear(dimension, dimension);
        RegisterComponents();
    }

    public override Tensor forward(Tensor taskIds) => nn.functional.relu(_project.forward(_tasks.forward(taskIds)));
}
