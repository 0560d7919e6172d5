/// TafelStore module.
