module netbench

go 1.19
