package claim

// MarshalByReflection exposes the reflection encoder to the tests as AppendJSON's reference.
func MarshalByReflection(c Claim) ([]byte, error) { return c.marshalContract() }
