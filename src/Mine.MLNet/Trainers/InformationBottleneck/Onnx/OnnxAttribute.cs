namespace Mine.MLNet.Trainers.InformationBottleneck.Onnx
{
    /// <summary>One ONNX node attribute (AttributeProto): an int, a list of ints or a float.</summary>
    internal sealed class OnnxAttribute
    {
        private const int FloatType = 1;
        private const int IntType = 2;
        private const int IntsType = 7;

        private readonly string name;
        private readonly int type;
        private readonly long[] ints;
        private readonly float value;

        private OnnxAttribute(string name, int type, long[] ints, float value)
        {
            this.name = name;
            this.type = type;
            this.ints = ints;
            this.value = value;
        }

        /// <summary>An INT attribute.</summary>
        public static OnnxAttribute Int(string name, long value) => new(name, IntType, new[] { value }, 0);

        /// <summary>An INTS attribute.</summary>
        public static OnnxAttribute Ints(string name, params long[] values) => new(name, IntsType, values, 0);

        /// <summary>A FLOAT attribute.</summary>
        public static OnnxAttribute Float(string name, float value) => new(name, FloatType, null, value);

        /// <summary>The AttributeProto message.</summary>
        public ProtobufWriter ToProto()
        {
            var proto = new ProtobufWriter().String(1, name);
            switch (type)
            {
                case FloatType:
                    proto.Float(2, value);
                    break;
                case IntType:
                    proto.Int(3, ints[0]);
                    break;
                default:
                    foreach (long v in ints)
                        proto.Int(8, v);
                    break;
            }
            return proto.Int(20, type);
        }
    }
}
