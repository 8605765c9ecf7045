module gosemantics

go 1.19
