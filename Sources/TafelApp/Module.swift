/// TafelApp module.
