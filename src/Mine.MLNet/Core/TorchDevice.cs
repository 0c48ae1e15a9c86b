using System;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using TorchSharp;

namespace Mine.MLNet.Core
{
    /// <summary>Chooses the torch device from MLContext.GpuDeviceId and FallbackToCpu.</summary>
    internal static class TorchDevice
    {
        public static torch.Device Resolve(IHostEnvironment env, IChannel channel)
        {
            if (env is not MLContext context || context.GpuDeviceId is not int gpu)
                return torch.CPU;
            if (torch.cuda.is_available())
                return new torch.Device(DeviceType.CUDA, gpu);
            if (context.FallbackToCpu)
            {
                channel?.Warning(MessageSensitivity.None, "GpuDeviceId is {0} but CUDA is not available; running on the CPU.", gpu);
                return torch.CPU;
            }
            throw channel.Process(new InvalidOperationException(
                $"MLContext.GpuDeviceId is {gpu} but CUDA is not available to TorchSharp. Set MLContext.FallbackToCpu = true to run on the CPU."));
        }
    }
}
