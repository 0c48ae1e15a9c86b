using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Mine.MLNet.Trainers.InformationBottleneck.Onnx
{
    /// <summary>
    /// Builds an ONNX model (IR version 8, default opset 17) node by node and serialises it as a ModelProto.
    /// Field numbers follow onnx/onnx.proto.
    /// </summary>
    internal sealed class OnnxGraphBuilder
    {
        /// <summary>TensorProto.DataType FLOAT.</summary>
        public const int FloatType = 1;

        /// <summary>TensorProto.DataType INT64.</summary>
        public const int Int64Type = 7;

        private const int IrVersion = 8;
        private const int OpsetVersion = 17;

        private readonly List<ProtobufWriter> nodes = new();
        private readonly List<ProtobufWriter> initializers = new();
        private readonly List<ProtobufWriter> inputs = new();
        private readonly List<ProtobufWriter> outputs = new();
        private int nextName;

        /// <summary>A graph input; a null dimension is the symbolic batch size "N".</summary>
        public string Input(string name, int elementType, params long?[] dims)
        {
            inputs.Add(ValueInfo(name, elementType, dims));
            return name;
        }

        /// <summary>A graph output; a null dimension is the symbolic batch size "N".</summary>
        public void Output(string name, int elementType, params long?[] dims) => outputs.Add(ValueInfo(name, elementType, dims));

        /// <summary>A float constant (row-major), stored as raw little-endian data.</summary>
        public string Constant(float[] values, params long[] dims)
            => Initializer(FloatType, MemoryMarshal.AsBytes(values.AsSpan()), dims);

        /// <summary>An int64 constant (row-major).</summary>
        public string Constant(long[] values, params long[] dims)
            => Initializer(Int64Type, MemoryMarshal.AsBytes(values.AsSpan()), dims);

        /// <summary>A TensorProto initializer: dims (field 1), data_type (2), name (8), raw_data (9).</summary>
        private string Initializer(int elementType, ReadOnlySpan<byte> rawData, long[] dims)
        {
            string name = Fresh("const");
            var tensor = new ProtobufWriter();
            foreach (long d in dims)
                tensor.Int(1, d);
            tensor.Int(2, elementType).String(8, name).Bytes(9, rawData);
            initializers.Add(tensor);
            return name;
        }

        /// <summary>Adds a node and returns the name of its (single) output, <paramref name="output"/> or a fresh one.</summary>
        public string Node(string opType, string[] nodeInputs, string output = null, params OnnxAttribute[] attributes)
        {
            output ??= Fresh(opType);
            var node = new ProtobufWriter();
            foreach (string input in nodeInputs)
                node.String(1, input);
            node.String(2, output).String(3, Fresh("node")).String(4, opType);
            foreach (OnnxAttribute attribute in attributes)
                node.Message(5, attribute.ToProto());
            nodes.Add(node);
            return output;
        }

        /// <summary>The serialised ModelProto.</summary>
        public byte[] ToModel(string graphName, string producer, string producerVersion)
        {
            var graph = new ProtobufWriter();
            foreach (ProtobufWriter node in nodes)
                graph.Message(1, node);
            graph.String(2, graphName);
            foreach (ProtobufWriter initializer in initializers)
                graph.Message(5, initializer);
            foreach (ProtobufWriter input in inputs)
                graph.Message(11, input);
            foreach (ProtobufWriter output in outputs)
                graph.Message(12, output);

            var opset = new ProtobufWriter().String(1, "").Int(2, OpsetVersion);
            return new ProtobufWriter()
                .Int(1, IrVersion)
                .String(2, producer)
                .String(3, producerVersion)
                .Message(7, graph)
                .Message(8, opset)
                .ToArray();
        }

        private string Fresh(string prefix) => $"{prefix}_{nextName++}";

        private static ProtobufWriter ValueInfo(string name, int elementType, long?[] dims)
        {
            var shape = new ProtobufWriter();
            foreach (long? d in dims)
                shape.Message(1, d is long value ? new ProtobufWriter().Int(1, value) : new ProtobufWriter().String(2, "N"));
            var tensorType = new ProtobufWriter().Int(1, elementType).Message(2, shape);
            var type = new ProtobufWriter().Message(1, tensorType);
            return new ProtobufWriter().String(1, name).Message(2, type);
        }
    }
}
