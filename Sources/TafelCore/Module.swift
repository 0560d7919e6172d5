/// TafelCore module.
