using System;
using Microsoft.ML.Runtime;
using TorchSharp;

namespace Mine.MLNet.Hosting
{
    /// <summary>
    /// Chooses the torch device from an options' <see cref="MineDevice"/> and the MLContext's GpuDeviceId and
    /// FallbackToCpu. Every host registered from an MLContext carries copies of those two settings, read through
    /// <see cref="CatalogEnvironment.Setting{T}"/>.
    /// </summary>
    internal static class TorchDevice
    {
        public static torch.Device Resolve(IHostEnvironment env, IChannel channel, MineDevice requested, string optionName)
        {
            int? gpu = CatalogEnvironment.Setting<int?>(env, "GpuDeviceId");
            switch (requested)
            {
                case MineDevice.Cpu:
                    return torch.CPU;
                case MineDevice.Cuda:
                    if (torch.cuda.is_available())
                        return new torch.Device(DeviceType.CUDA, gpu ?? 0);
                    throw channel.Process(new InvalidOperationException(
                        $"{optionName} is Cuda but CUDA is not available to TorchSharp (Mine.MLNet depends on the TorchSharp-cpu package, which has no CUDA backend). Use MineDevice.Cpu."));
                case MineDevice.Context:
                    if (gpu is not int device)
                        return torch.CPU;
                    if (torch.cuda.is_available())
                        return new torch.Device(DeviceType.CUDA, device);
                    if (CatalogEnvironment.Setting<bool?>(env, "FallbackToCpu") ?? true)
                    {
                        channel.Warning(MessageSensitivity.None, "MLContext.GpuDeviceId is {0} but CUDA is not available to TorchSharp; running on the CPU (FallbackToCpu).", device);
                        return torch.CPU;
                    }
                    throw channel.Process(new InvalidOperationException(
                        $"MLContext.GpuDeviceId is {device} and FallbackToCpu is false, but CUDA is not available to TorchSharp (Mine.MLNet depends on the TorchSharp-cpu package, which has no CUDA backend)."));
                default:
                    throw channel.Process(new ArgumentOutOfRangeException(optionName, requested, $"{optionName} is not a MineDevice value."));
            }
        }
    }
}
