print("before")
import pkgs.tb_import
